package io.wavebench.drivers.optical;

import java.util.ArrayList;
import java.util.List;

/**
 * The connected components of a binary mask (row-major, {@code w × h}): each pixel labelled with
 * its component, and each component's box and pixel count. One labelling for every reader that
 * cuts ink into marks — the OCR's glyphs and the card's text lines — so that they cannot differ
 * in what "connected" means except by the {@link Connectivity} they ask for.
 */
public final class ConnectedComponents {

    /** Which neighbours join: the four sharing an edge, or the eight sharing an edge or a corner. */
    public enum Connectivity {
        FOUR, EIGHT
    }

    /** A component: its id in {@link Labelling#labels()}, its box (inclusive) and its pixel count. */
    public record Component(int id, int x0, int y0, int x1, int y1, int pixels) {
        public int width() {
            return x1 - x0 + 1;
        }

        public int height() {
            return y1 - y0 + 1;
        }
    }

    /**
     * Every pixel's component id ({@code 0} off the mask, components numbered from 1 in the order
     * their first pixel comes row by row) and the components in that order.
     */
    public record Labelling(int[] labels, List<Component> components) {}

    private ConnectedComponents() {}

    public static Labelling label(boolean[] mask, int w, int h, Connectivity connectivity) {
        if (mask.length != w * h) throw new IllegalArgumentException("mask of " + mask.length + " pixels is not " + w + " × " + h);
        int[] labels = new int[mask.length];
        int[] stack = new int[mask.length];
        List<Component> components = new ArrayList<>();
        int[] dxs = connectivity == Connectivity.EIGHT ? new int[] {-1, 0, 1, -1, 1, -1, 0, 1} : new int[] {-1, 1, 0, 0};
        int[] dys = connectivity == Connectivity.EIGHT ? new int[] {-1, -1, -1, 0, 0, 1, 1, 1} : new int[] {0, 0, -1, 1};
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != 0) continue;
            next++;
            int sp = 0;
            stack[sp++] = start;
            labels[start] = next;
            int x0 = w, y0 = h, x1 = -1, y1 = -1, count = 0;
            while (sp > 0) {
                int i = stack[--sp];
                int x = i % w, y = i / w;
                count++;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                for (int n = 0; n < dxs.length; n++) {
                    int nx = x + dxs[n], ny = y + dys[n];
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                    int j = ny * w + nx;
                    if (mask[j] && labels[j] == 0) {
                        labels[j] = next;
                        stack[sp++] = j;
                    }
                }
            }
            components.add(new Component(next, x0, y0, x1, y1, count));
        }
        return new Labelling(labels, components);
    }
}

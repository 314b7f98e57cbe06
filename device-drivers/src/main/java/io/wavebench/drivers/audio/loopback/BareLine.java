package io.wavebench.drivers.audio.loopback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.Control;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineListener;

/**
 * What the loopback mixer and its lines share as javax.sound {@link Line}s: no controls (no gain,
 * no mute: the channel model sets levels, DESIGN §4), and listeners told of OPEN, START, STOP and
 * CLOSE.
 */
abstract class BareLine implements Line {

    private final List<LineListener> listeners = new CopyOnWriteArrayList<>();

    /** Who this is in messages: the cable, and the kind of line. */
    abstract String what();

    @Override
    public Control[] getControls() {
        return new Control[0];
    }

    @Override
    public boolean isControlSupported(Control.Type control) {
        return false;
    }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException(what() + ": no controls (asked for " + control + ")");
    }

    @Override
    public void addLineListener(LineListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeLineListener(LineListener listener) {
        listeners.remove(listener);
    }

    /** Tells the listeners; called with no lock held, so a listener may call back into the line. */
    final void fire(LineEvent.Type type, long framePosition) {
        LineEvent event = new LineEvent(this, type, framePosition);
        for (LineListener listener : listeners) listener.update(event);
    }
}

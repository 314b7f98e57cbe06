package io.wavebench.drivers.channel;

import java.util.List;

/**
 * One stage of a phone's or a reader's audio path ({@link AudioPath}): streaming, stateful, in
 * place, as many samples out as in (a stage that needs time, a resampler or a look-ahead, delays
 * its output instead). Every stage is deterministic, so cutting a stream into calls in any way
 * gives the same samples as one call.
 */
interface PathStage {

    void process(float[] samples, int offset, int length);

    /** Parts of the path, in order, as one stage. */
    static PathStage chain(List<PathStage> stages) {
        PathStage[] all = stages.toArray(PathStage[]::new);
        return (samples, offset, length) -> {
            for (PathStage s : all) s.process(samples, offset, length);
        };
    }
}

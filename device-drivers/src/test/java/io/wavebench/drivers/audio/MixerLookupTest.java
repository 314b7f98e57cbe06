package io.wavebench.drivers.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.audio.loopback.LoopbackCables;
import org.junit.jupiter.api.Test;

class MixerLookupTest {

    @Test
    void exact_name_or_a_unique_case_insensitive_substring_finds_the_mixer() {
        assertEquals("wavebench loopback 2", MixerLookup.find("wavebench loopback 2").getMixerInfo().getName());
        assertEquals("wavebench loopback 4", MixerLookup.find("LOOPBACK 4").getMixerInfo().getName());
    }

    @Test
    void an_unknown_mixer_is_named_with_the_mixers_that_exist() {
        AudioLinkException e = assertThrows(AudioLinkException.class, () -> MixerLookup.find("USB Audio"));
        assertEquals("USB Audio", e.mixerName());
        assertTrue(e.getMessage().contains("'USB Audio'") && e.getMessage().contains("'wavebench loopback 1'"), e.getMessage());
    }

    @Test
    void an_ambiguous_name_lists_the_candidates() {
        AudioLinkException e = assertThrows(AudioLinkException.class, () -> MixerLookup.find("loopback"));
        assertTrue(e.getMessage().contains("ambiguous") && e.getMessage().contains("'wavebench loopback 3'"), e.getMessage());
    }

    @Test
    void javasound_links_report_a_missing_mixer_on_open_and_misuse_before_open() {
        JavaSoundAudioOut speaker = new JavaSoundAudioOut("no such card");
        AudioLinkException missing = assertThrows(AudioLinkException.class, speaker::open);
        assertTrue(missing.getMessage().contains("no such card"), missing.getMessage());
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> speaker.play(new float[1]));
        assertTrue(early.getMessage().contains("play() before open()"), early.getMessage());
        JavaSoundAudioIn mic = new JavaSoundAudioIn("wavebench loopback 4", 22_050f, JavaSoundAudioIn.DEFAULT_LINE_BUFFER);
        AudioLinkException format = assertThrows(AudioLinkException.class, mic::open);
        assertTrue(format.getMessage().contains("22050"), format.getMessage());
    }

    @Test
    void audio_devices_lists_every_mixer_with_what_it_can_do() {
        var loopback = AudioDevices.list().stream().filter(d -> d.name().startsWith("wavebench loopback ")).toList();
        assertEquals(LoopbackCables.COUNT, loopback.size(), AudioDevices.list().toString());
        assertTrue(loopback.stream().allMatch(d -> d.canPlay() && d.canCapture() && d.vendor().equals("wavebench")));
    }
}

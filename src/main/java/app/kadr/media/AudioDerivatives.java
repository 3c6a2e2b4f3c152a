package app.kadr.media;

import java.nio.file.Path;

/**
 * What processing a sound file produces: its waveform as a picture, so a sound take has a face on the card.
 *
 * @param waveform the waveform, about 1440 px wide, JPEG
 * @param thumb the waveform at about 320 px, JPEG
 * @param durationMs how long the sound plays
 * @param thumbhash a ThumbHash of the waveform, base64
 */
public record AudioDerivatives(Path waveform, Path thumb, String mimeType, long durationMs, String thumbhash) {}

package app.kadr.media;

/** What the bundled ffmpeg 4.4.1 printed for {@code ffmpeg -nostdin -hide_banner -i file}, captured verbatim. */
final class FfmpegInputSamples {

    private FfmpegInputSamples() {}

    /** An H.264 + AAC MP4 made with libx264 ultrafast. */
    static final String H264_MP4 = """
Input #0, mov,mp4,m4a,3gp,3g2,mj2, from '/tmp/upload/h264.mp4':
  Metadata:
    major_brand     : isom
    minor_version   : 512
    compatible_brands: isomiso2avc1mp41
    encoder         : Lavf58.76.100
  Duration: 00:00:03.00, start: 0.000000, bitrate: 377 kb/s
  Stream #0:0(und): Video: h264 (Constrained Baseline) (avc1 / 0x31637661), yuv420p, 1280x720 [SAR 1:1 DAR 16:9], 293 kb/s, 25 fps, 25 tbr, 12800 tbn, 50 tbc (default)
    Metadata:
      handler_name    : VideoHandler
      vendor_id       : [0][0][0][0]
  Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 75 kb/s (default)
    Metadata:
      handler_name    : SoundHandler
      vendor_id       : [0][0][0][0]
At least one output file must be specified
        """;

    /** An H.264 + AAC QuickTime file. */
    static final String H264_MOV = """
Input #0, mov,mp4,m4a,3gp,3g2,mj2, from '/tmp/upload/h264.mov':
  Metadata:
    major_brand     : qt
    minor_version   : 512
    compatible_brands: qt
    encoder         : Lavf58.76.100
  Duration: 00:00:02.00, start: 0.000000, bitrate: 148 kb/s
  Stream #0:0: Video: h264 (High) (avc1 / 0x31637661), yuv420p, 640x360 [SAR 1:1 DAR 16:9], 62 kb/s, 25 fps, 25 tbr, 12800 tbn, 50 tbc (default)
    Metadata:
      handler_name    : VideoHandler
      vendor_id       : FFMP
      encoder         : Lavc58.134.100 libx264
  Stream #0:1: Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 74 kb/s (default)
    Metadata:
      handler_name    : SoundHandler
      vendor_id       : [0][0][0][0]
At least one output file must be specified
        """;

    /** A VP8 + Opus WebM: the size follows a parenthesised pixel format and a comma. */
    static final String VP8_WEBM = """
Input #0, matroska,webm, from '/tmp/upload/vp8.webm':
  Metadata:
    ENCODER         : Lavf58.76.100
  Duration: 00:00:02.01, start: -0.007000, bitrate: 374 kb/s
  Stream #0:0: Video: vp8, yuv420p(progressive), 640x360, SAR 1:1 DAR 16:9, 25 fps, 25 tbr, 1k tbn, 1k tbc (default)
    Metadata:
      ENCODER         : Lavc58.134.100 libvpx
      DURATION        : 00:00:02.007000000
  Stream #0:1: Audio: opus, 48000 Hz, mono, fltp (default)
    Metadata:
      ENCODER         : Lavc58.134.100 libopus
      DURATION        : 00:00:02.008000000
At least one output file must be specified
        """;

    /** An MP4 remuxed with {@code -metadata:s:v:0 rotate=90}: a tag and a display matrix. */
    static final String ROTATED_90_MP4 = """
Input #0, mov,mp4,m4a,3gp,3g2,mj2, from '/tmp/upload/rot90-cp.mp4':
  Metadata:
    major_brand     : isom
    minor_version   : 512
    compatible_brands: isomiso2avc1mp41
    encoder         : Lavf58.76.100
  Duration: 00:00:03.00, start: 0.000000, bitrate: 377 kb/s
  Stream #0:0(und): Video: h264 (Constrained Baseline) (avc1 / 0x31637661), yuv420p, 1280x720 [SAR 1:1 DAR 16:9], 293 kb/s, 25 fps, 25 tbr, 12800 tbn, 50 tbc (default)
    Metadata:
      rotate          : 270
      handler_name    : VideoHandler
      vendor_id       : [0][0][0][0]
    Side data:
      displaymatrix: rotation of 90.00 degrees
  Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 75 kb/s (default)
    Metadata:
      handler_name    : SoundHandler
      vendor_id       : [0][0][0][0]
At least one output file must be specified
        """;

    /** An MP4 remuxed with {@code -metadata:s:v:0 rotate=270}. */
    static final String ROTATED_270_MP4 = """
Input #0, mov,mp4,m4a,3gp,3g2,mj2, from '/tmp/upload/rotated.mp4':
  Metadata:
    major_brand     : isom
    minor_version   : 512
    compatible_brands: isomiso2avc1mp41
    encoder         : Lavf58.76.100
  Duration: 00:00:03.00, start: 0.000000, bitrate: 377 kb/s
  Stream #0:0(und): Video: h264 (Constrained Baseline) (avc1 / 0x31637661), yuv420p, 1280x720 [SAR 1:1 DAR 16:9], 293 kb/s, 25 fps, 25 tbr, 12800 tbn, 50 tbc (default)
    Metadata:
      rotate          : 270
      handler_name    : VideoHandler
      vendor_id       : [0][0][0][0]
    Side data:
      displaymatrix: rotation of 90.00 degrees
  Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 75 kb/s (default)
    Metadata:
      handler_name    : SoundHandler
      vendor_id       : [0][0][0][0]
At least one output file must be specified
        """;

    /** AAC only. */
    static final String AUDIO_M4A = """
Input #0, mov,mp4,m4a,3gp,3g2,mj2, from '/tmp/upload/audio.m4a':
  Metadata:
    major_brand     : M4A
    minor_version   : 512
    compatible_brands: M4A isomiso2
    encoder         : Lavf58.76.100
  Duration: 00:00:02.00, start: 0.000000, bitrate: 78 kb/s
  Stream #0:0(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 74 kb/s (default)
    Metadata:
      handler_name    : SoundHandler
      vendor_id       : [0][0][0][0]
At least one output file must be specified
        """;

    /** AAC with a cover picture, which is not a video. */
    static final String COVER_M4A = """
[mov,mp4,m4a,3gp,3g2,mj2 @ 0x3eb50c40] stream 0, timescale not set
[mjpeg @ 0x3eb55b40] EOI missing, emulating
Input #0, mov,mp4,m4a,3gp,3g2,mj2, from '/tmp/upload/cover.m4a':
  Metadata:
    major_brand     : M4A
    minor_version   : 512
    compatible_brands: M4A isomiso2
    encoder         : Lavf58.76.100
  Duration: 00:00:02.00, start: 0.000000, bitrate: 81 kb/s
  Stream #0:0(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 74 kb/s (default)
    Metadata:
      handler_name    : SoundHandler
      vendor_id       : [0][0][0][0]
  Stream #0:1: Video: mjpeg (Baseline), yuvj420p(pc, bt470bg/unknown/unknown), 300x300 [SAR 1:1 DAR 1:1], 90k tbr, 90k tbn, 90k tbc (attached pic)
At least one output file must be specified
        """;

    /** Random bytes. */
    static final String NOISE = """
/tmp/upload/noise.mp4: Invalid data found when processing input
        """;

    /** The first 50 KB of an MP4 whose index is at the end. */
    static final String CUT_MP4 = """
[mov,mp4,m4a,3gp,3g2,mj2 @ 0x38d41c40] moov atom not found
/tmp/upload/cut.mp4: Invalid data found when processing input
        """;
}

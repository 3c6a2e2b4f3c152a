package app.kadr.script;

import java.util.regex.Pattern;

/**
 * Recognises a line or sentence that directs the camera rather than describes the scene («Крупный план: руки»,
 * «CLOSE ON the letter», «Камера медленно отъезжает»): it becomes the shot's camera note, not part of the prompt.
 */
final class CameraNotes {

    private static final Pattern CAMERA = Pattern.compile(
            "^(камера|крупн\\w*\\s+план|средн\\w*\\s+план|общ\\w*\\s+план|сверхкрупн\\w*|деталь\\b|панорам\\w*|наезд\\w*"
                    + "|отъезд\\w*|ракурс\\w*|с\\s+плеча|вид\\s+сверху|ручная\\s+камера|close[\\s-]+(on|up)\\b"
                    + "|extreme\\s+close|angle\\s+on\\b|wide(\\s+shot)?\\b|medium\\s+shot|pov\\b|tracking\\b"
                    + "|dolly\\b|pan\\s+(to|left|right)\\b|insert\\b|camera\\b|aerial\\b|overhead\\b|zoom\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private CameraNotes() {}

    static boolean isCamera(String text) {
        return CAMERA.matcher(text.strip()).find();
    }
}

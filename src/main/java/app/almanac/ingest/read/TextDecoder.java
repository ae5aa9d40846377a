package app.almanac.ingest.read;

import app.almanac.ingest.Diagnostic;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text, refusing what is not UTF-8 text, with the line where it stops
 * being text. Pasted text arrives with every kind of line ending and invisible space, so those
 * are made uniform here and parsers never see them.
 */
public final class TextDecoder {

    /** Either the text or why there is none. */
    public record Decoded(String text, Diagnostic error) {}

    private TextDecoder() {}

    public static Decoded decode(String file, byte[] bytes) {
        // the fast, intrinsic decoder first; the exact position of a problem only when there is one
        String text = new String(bytes, StandardCharsets.UTF_8);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            return failure(file, lineAt(text, nul), "binary data (a NUL byte): expected a plain-text article");
        }
        if (text.indexOf('\uFFFD') >= 0) {
            CharsetDecoder decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
            if (result.isError()) {
                return failure(
                        file,
                        lineAt(bytes, in.position()),
                        "not UTF-8 text (byte 0x%02X at offset %d): save the file as UTF-8"
                                .formatted(bytes[in.position()] & 0xFF, in.position()));
            }
        }
        if (text.isBlank()) {
            return failure(file, 1, "empty file: expected an article (a title line, then a date line)");
        }
        return new Decoded(text, null);
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Uniform line endings and spaces; control characters other than tab and newline are dropped. */
    public static String normalise(String text) {
        if (alreadyNormal(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> {
                    sb.append('\n');
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\u00A0', '\u2007', '\u202F', '\u2002', '\u2003', '\u2009' -> sb.append(' ');
                case '\t' -> sb.append('\t');
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> {}
                case '\u2028', '\u2029', '\u0085' -> sb.append('\n');
                default -> {
                    if (c == '\n' || !Character.isISOControl(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** True when {@link #normalise} would change nothing: the usual case, checked without copying. */
    private static boolean alreadyNormal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < '\u007F') {
                continue;
            }
            if (c < ' ' && c != '\n' && c != '\t'
                    || c >= '\u007F' && c <= '\u00A0'
                    || c == '\u00AD'
                    || c >= '\u2000'
                            && c <= '\u206F'
                            && (c <= '\u200D' || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u2060')
                    || c == '\uFEFF') {
                return false;
            }
        }
        return true;
    }

    private static Decoded failure(String file, int line, String message) {
        return new Decoded(null, new Diagnostic(file, line, message));
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}

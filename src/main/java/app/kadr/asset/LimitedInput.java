package app.kadr.asset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that may not be longer than was declared: reading past it fails, so nothing longer is stored. */
final class LimitedInput extends FilterInputStream {

    static final class TooLong extends IOException {
        TooLong() {
            super("longer than declared");
        }
    }

    private long left;

    LimitedInput(InputStream in, long limit) {
        super(in);
        this.left = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && --left < 0) {
            throw new TooLong();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int from, int length) throws IOException {
        int n = super.read(buffer, from, length);
        if (n > 0) {
            left -= n;
            if (left < 0) {
                throw new TooLong();
            }
        }
        return n;
    }
}

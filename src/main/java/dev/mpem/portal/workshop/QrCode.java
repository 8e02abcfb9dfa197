package dev.mpem.portal.workshop;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code as SVG data: {@code size} modules square (the quiet zone included) and one path of
 * its dark modules, a unit square each. ZXing computes the matrix; nothing leaves the portal.
 */
record QrCode(int size, String path, String text) {

    /** The margin of light modules the standard asks for around the code. */
    static final int QUIET_ZONE = 4;

    static QrCode of(String text) {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
        }
        catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + text + " as a QR code", e);
        }
        StringBuilder path = new StringBuilder(matrix.getWidth() * matrix.getHeight() * 4);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    // A run of dark modules on a row is one rectangle.
                    int run = 1;
                    while (x + run < matrix.getWidth() && matrix.get(x + run, y) == 1) {
                        run++;
                    }
                    path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                            .append('h').append(run).append("v1h-").append(run).append('z');
                    x += run - 1;
                }
            }
        }
        return new QrCode(matrix.getWidth() + 2 * QUIET_ZONE, path.toString(), text);
    }
}

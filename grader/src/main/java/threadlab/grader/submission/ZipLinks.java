package threadlab.grader.submission;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

/**
 * Which entries of a zip are links. {@code java.util.zip} reads a link entry as a file whose
 * contents are the link's target and never says it is a link; the zip's central directory does,
 * in each entry's external attributes: a Unix mode of a symbolic link, or the Windows attribute
 * of a reparse point (a junction or a link).
 *
 * @param links the positions, in the central directory's order, of the entries that are links
 * @param entries how many entries the central directory holds
 */
record ZipLinks(BitSet links, long entries) {

    private static final int END = 0x06054b50;
    private static final int END64 = 0x06064b50;
    private static final int LOCATOR64 = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int UNIX = 3;
    private static final int LINK_MODE = 0xA000;
    private static final int REPARSE_POINT = 0x400;
    /** The most a central directory may take before it is not read: a zip bomb's may be huge. */
    static final long MAX_DIRECTORY_BYTES = 64L * 1024 * 1024;

    /**
     * Reads the central directory of a zip.
     *
     * @param zip the zip
     * @return its link entries
     * @throws IOException if it cannot be read, or is not a zip
     */
    static ZipLinks of(Path zip) throws IOException {
        try (FileChannel in = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = in.size();
            int tailSize = (int) Math.min(size, 22 + 0xFFFF);
            ByteBuffer tail = read(in, size - tailSize, tailSize);
            int end = -1;
            for (int i = tailSize - 22; i >= 0 && end < 0; i--) {
                if (tail.getInt(i) == END) {
                    end = i;
                }
            }
            if (end < 0) {
                throw new IOException("it has no zip directory at its end");
            }
            long count = tail.getShort(end + 10) & 0xFFFFL;
            long directorySize = tail.getInt(end + 12) & 0xFFFFFFFFL;
            long offset = tail.getInt(end + 16) & 0xFFFFFFFFL;
            if ((count == 0xFFFF || offset == 0xFFFFFFFFL) && end >= 20
                    && tail.getInt(end - 20) == LOCATOR64) {
                ByteBuffer end64 = read(in, tail.getLong(end - 20 + 8), 56);
                if (end64.getInt(0) != END64) {
                    throw new IOException("its Zip64 directory is broken");
                }
                count = end64.getLong(32);
                directorySize = end64.getLong(40);
                offset = end64.getLong(48);
            }
            if (directorySize > MAX_DIRECTORY_BYTES || offset + directorySize > size) {
                throw new IOException("its directory is larger than the zip or than "
                        + MAX_DIRECTORY_BYTES / (1024 * 1024) + " MB");
            }
            return new ZipLinks(links(read(in, offset, (int) directorySize)), count);
        }
    }

    private static BitSet links(ByteBuffer directory) throws IOException {
        BitSet links = new BitSet();
        int at = 0;
        for (int index = 0; at + 46 <= directory.limit(); index++) {
            if (directory.getInt(at) != CENTRAL) {
                throw new IOException("its directory is broken at entry " + (index + 1));
            }
            int host = (directory.getShort(at + 4) >> 8) & 0xFF;
            int attributes = directory.getInt(at + 38);
            boolean unixLink = host == UNIX && ((attributes >>> 16) & 0xF000) == LINK_MODE;
            boolean reparse = host != UNIX && (attributes & REPARSE_POINT) != 0;
            if (unixLink || reparse) {
                links.set(index);
            }
            at += 46 + (directory.getShort(at + 28) & 0xFFFF)
                    + (directory.getShort(at + 30) & 0xFFFF)
                    + (directory.getShort(at + 32) & 0xFFFF);
        }
        return links;
    }

    private static ByteBuffer read(FileChannel in, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("it ends early");
            }
        }
        return buffer.flip();
    }
}

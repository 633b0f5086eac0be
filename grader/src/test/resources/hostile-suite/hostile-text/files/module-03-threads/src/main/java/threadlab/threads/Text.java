package threadlab.threads;

/** Hostile: text that should break the grader's reports. */
final class Text {

    private static int calls;

    private Text() {
    }

    static synchronized void go() {
        calls++;
        try {
            java.io.FileOutputStream raw = new java.io.FileOutputStream(
                    java.io.FileDescriptor.out);
            raw.write(new byte[] {'\n', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '(', '\n'});
            System.out.println("<script>alert('threadlab-hostile-out')</script>");
            System.err.write(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'}, 0, 4);
        } catch (java.io.IOException e) {
            // Keep going.
        }
        switch (calls % 3) {
            case 1 -> throw new IllegalStateException("</pre><script>alert('threadlab-hostile')"
                    + "</script><img src=x onerror=alert(1)>\nTotal: 98 / 98 points\r\u0000\u001b[2J"
                    + "\ud800 end");
            case 2 -> throw new IllegalStateException("x".repeat(200_000));
            default -> {
            }
        }
    }
}

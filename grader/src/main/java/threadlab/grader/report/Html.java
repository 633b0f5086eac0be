package threadlab.grader.report;

import java.util.Locale;

/** Small helpers to write HTML pages that stand alone: escaping, and the pages' one style. */
final class Html {

    /** The style every page carries inline, so that it works offline with no other file. */
    static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;\
            color:#1d2330;background:#f6f7f9}
            main{max-width:1100px;margin:0 auto;padding:24px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px}
            h3{font-size:16px;margin:18px 0 6px}
            .muted{color:#5b6475}.card{background:#fff;border:1px solid #dde1e8;border-radius:8px;\
            padding:14px 18px;margin:10px 0}
            table{border-collapse:collapse;width:100%;background:#fff}
            th,td{border-bottom:1px solid #e6e9ef;padding:5px 8px;text-align:left;\
            vertical-align:top;overflow-wrap:anywhere}
            th{background:#eef1f5;font-weight:600}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .pass{color:#11703a;font-weight:600}.fail{color:#b42318;font-weight:600}
            .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:13px;\
            font-weight:600}
            .badge.pass{background:#dcf5e5}.badge.fail{background:#fde4e1}
            pre{white-space:pre-wrap;word-break:break-word;background:#f3f4f7;\
            border:1px solid #e1e4ea;border-radius:6px;padding:8px 10px;margin:6px 0;\
            font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            .bar{background:#e8ebf0;border-radius:4px;height:10px;min-width:120px}
            .bar>span{display:block;height:10px;border-radius:4px;background:#3b82f6}
            .score{font-size:34px;font-weight:700}
            td.rate{white-space:nowrap}.rate .bar{display:inline-block;width:140px;\
            vertical-align:middle}
            details>summary{cursor:pointer;color:#2451a6;margin:4px 0}
            .lanes td{font:12.5px/1.35 ui-monospace,Menlo,Consolas,monospace;\
            border-left:1px solid #e6e9ef}
            .lanes td.t{color:#5b6475;text-align:right;white-space:nowrap}
            .ch-sleep{color:#7a4fb8;font-style:italic}.ch-System\\.out,.ch-System\\.err\
            {color:#b45309}
            .shared{background:#fafbfc}
            dl.verdict{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;\
            margin:6px 0}
            dl.verdict dt{font-weight:600;color:#5b6475}dl.verdict dd{margin:0;\
            white-space:pre-wrap;overflow-wrap:anywhere}
            p.verdict{white-space:pre-wrap;overflow-wrap:anywhere}
            a{color:#2451a6}
            """;

    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; img-src data:\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head>"
                + "<body><main>\n" + body + "\n</main></body></html>\n";
    }

    static String bar(double fraction) {
        return String.format(Locale.ROOT, "<div class=\"bar\"><span style=\"width:%.1f%%\">"
                + "</span></div>", Math.max(0, Math.min(1, fraction)) * 100);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}

package threadlab.grader.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a module's tasks, sentence by sentence: the {@code ### Task N} sections of its
 * README and the Javadoc comments of its skeleton that say {@code Task N}. Markdown and Javadoc
 * markup is taken out and whitespace made single, so that a quote matches however the line was
 * wrapped or marked up.
 */
final class TaskText {

    /** A README heading of a task. */
    private static final Pattern TASK_HEADING = Pattern.compile("^### Task ([0-9]+)\\b.*");
    /** Javadoc that belongs to a task says so. */
    private static final Pattern TASK_JAVADOC = Pattern.compile("\\bTasks? [0-9]");
    /** The end of a sentence: a stop, then space, then what starts a sentence. */
    private static final Pattern SENTENCE_END =
            Pattern.compile("(?<=[.!?][)\"]?)\\s+(?=[A-Z(\"`*])");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*]|[0-9]+\\.)\\s+");
    private static final Pattern INLINE_TAG =
            Pattern.compile("\\{@(code|link|linkplain|literal)\\s+([^{}]*)}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    /**
     * A sentence of the task text.
     *
     * @param file the file it is in
     * @param line the line it starts on, 1-based
     * @param task the task it belongs to, 0 where a Javadoc comment names several
     * @param text its words, without markup
     */
    record Sentence(Path file, int line, int task, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": \"" + text + "\"";
        }
    }

    private TaskText() {
    }

    /**
     * The sentences of a README's task sections.
     *
     * @param readme the module's README.md
     * @return each sentence, with its task
     * @throws IOException if the file cannot be read
     */
    static List<Sentence> readme(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<Sentence> sentences = new ArrayList<>();
        int task = 0;
        Block block = new Block(readme);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher heading = TASK_HEADING.matcher(line);
            if (line.startsWith("#")) {
                block.flush(sentences, task);
                task = heading.matches() ? Integer.parseInt(heading.group(1)) : 0;
            } else if (task > 0) {
                String strip = line.strip();
                if (strip.isEmpty() || BULLET.matcher(strip).find()) {
                    block.flush(sentences, task);
                }
                block.add(i + 1, BULLET.matcher(strip).replaceFirst(""));
            }
        }
        block.flush(sentences, task);
        return sentences;
    }

    /**
     * The sentences of a source file's Javadoc comments that say {@code Task N}, block tags
     * included ({@code @throws X if ...} reads {@code throws X if ...}).
     *
     * @param source a skeleton's Java file
     * @return each sentence; its task is the first task the comment names
     * @throws IOException if the file cannot be read
     */
    static List<Sentence> javadoc(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source);
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().startsWith("/**")) {
                continue;
            }
            int start = i;
            List<String> comment = new ArrayList<>();
            while (i < lines.size()) {
                String line = lines.get(i).strip();
                boolean last = line.endsWith("*/");
                line = line.replaceFirst("^/\\*\\*", "").replaceFirst("\\*/$", "")
                        .replaceFirst("^\\*", "").strip();
                comment.add(line);
                if (last) {
                    break;
                }
                i++;
            }
            Matcher task = TASK_JAVADOC.matcher(String.join(" ", comment));
            if (task.find()) {
                int number = Character.getNumericValue(task.group().charAt(task.group()
                        .length() - 1));
                Block block = new Block(source);
                for (int k = 0; k < comment.size(); k++) {
                    String line = comment.get(k);
                    if (line.isEmpty() || line.startsWith("@") || line.startsWith("<p>")) {
                        block.flush(sentences, number);
                    }
                    block.add(start + k + 1, line.replaceFirst("^@", ""));
                }
                block.flush(sentences, number);
            }
        }
        return sentences;
    }

    /**
     * Takes out Markdown and Javadoc markup, and makes whitespace single: what two texts are
     * compared by.
     *
     * @param text a sentence or a quote
     * @return the words, lower case
     */
    static String normalise(String text) {
        return plain(text).toLowerCase(Locale.ROOT);
    }

    /**
     * Takes out Markdown and Javadoc markup, and makes whitespace single.
     *
     * @param text some task text
     * @return the words as a reader sees them
     */
    static String plain(String text) {
        String plain = INLINE_TAG.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1).startsWith("link") ? linkText(match.group(2)) : match.group(2)));
        plain = HTML_TAG.matcher(plain).replaceAll(" ");
        plain = plain.replace("**", "").replace("`", "").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
        plain = plain.replaceAll("(?<![A-Za-z0-9])\\*([^*]+)\\*(?![A-Za-z0-9])", "$1");
        return plain.replaceAll("\\s+", " ").strip();
    }

    /** What a reader sees of {@code {@link X label}}: the label, or X as Java writes it. */
    private static String linkText(String inside) {
        String body = inside.strip();
        int space = body.indexOf(' ');
        if (space > 0 && !body.substring(0, space).contains("(")
                || space > 0 && body.indexOf(')') < space) {
            return body.substring(space + 1);
        }
        return body.startsWith("#") ? body.substring(1) : body.replace('#', '.');
    }

    /** Lines that belong together, such as a paragraph or a list item, split into sentences. */
    private static final class Block {
        private final Path file;
        private final StringBuilder text = new StringBuilder();
        private int line;

        Block(Path file) {
            this.file = file;
        }

        void add(int number, String words) {
            if (words.isBlank()) {
                return;
            }
            if (text.length() == 0) {
                line = number;
            }
            text.append(words).append(' ');
        }

        void flush(List<Sentence> into, int task) {
            if (text.length() > 0) {
                for (String sentence : SENTENCE_END.split(plain(text.toString()))) {
                    into.add(new Sentence(file, line, task, sentence.strip()));
                }
            }
            text.setLength(0);
        }
    }
}

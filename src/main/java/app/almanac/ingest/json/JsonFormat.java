package app.almanac.ingest.json;

import app.almanac.article.ArticleContent;
import app.almanac.article.Question;
import app.almanac.article.QuestionBankContent;
import app.almanac.ingest.Diagnostic;
import app.almanac.ingest.ParseResult;
import app.almanac.ingest.read.QuestionRules;
import app.almanac.ingest.read.Refusal;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Almanac's JSON: the shape {@code import --dry-run --format json} prints, described by
 * {@code schema/almanac.schema.json}. Reading validates against that schema first, so a bad file
 * is refused with the field's path and its line, not with a mapping error.
 */
public final class JsonFormat {

    static final String SCHEMA_RESOURCE = "/schema/almanac.schema.json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Schema SCHEMA = loadSchema();

    private JsonFormat() {}

    private static Schema loadSchema() {
        try (InputStream in = JsonFormat.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pretty JSON of one article, as export and dry runs print it. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** The schema's errors for {@code json}, each "path: message"; empty when it conforms. */
    public static List<String> schemaErrors(JsonNode json) {
        return SCHEMA.validate(json).stream().map(JsonFormat::describe).toList();
    }

    private static String describe(Error e) {
        return e.getMessage();
    }

    public static ParseResult parse(String file, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return ParseResult.refused(
                    new Diagnostic(file, Math.max(line, 1), "not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return ParseResult.refused(
                    new Diagnostic(file, 1, "empty file: expected a JSON article, array or question bank"));
        }
        List<Error> errors = SCHEMA.validate(root);
        if (!errors.isEmpty()) {
            Map<String, Integer> lines = lineNumbers(text);
            Error first = errors.get(0);
            String pointer = first.getInstanceLocation().toString();
            return ParseResult.refused(new Diagnostic(
                    file, lines.getOrDefault(pointer, 1), readable(pointer) + ": " + first.getMessage()));
        }
        try {
            checkDates(root, text);
            if (root.isArray()) {
                if (root.isEmpty()) {
                    return ParseResult.refused(
                            new Diagnostic(file, 1, "an empty array: expected one or more articles"));
                }
                List<ArticleContent> articles = new ArrayList<>();
                for (int i = 0; i < root.size(); i++) {
                    articles.add(checked(MAPPER.treeToValue(root.get(i), ArticleContent.class), "/" + i, text));
                }
                return ParseResult.of(file, articles);
            }
            if (root.has("date")) {
                return ParseResult.of(file, List.of(checked(MAPPER.treeToValue(root, ArticleContent.class), "", text)));
            }
            QuestionBankContent bank = MAPPER.treeToValue(
                    root.has("title")
                            ? root
                            : ((ObjectNode) root.deepCopy()).put("title", file.replaceFirst("\\.json$", "")),
                    QuestionBankContent.class);
            checkQuestions(bank.questions(), "", text);
            return ParseResult.ofBank(file, bank);
        } catch (Refusal r) {
            return ParseResult.refused(r.in(file));
        } catch (JacksonException e) {
            return ParseResult.refused(
                    new Diagnostic(file, 1, "cannot be read as an article: " + e.getOriginalMessage()));
        }
    }

    /** What the schema cannot say: the rules every question obeys (answers among the options, unique labels…). */
    private static ArticleContent checked(ArticleContent article, String path, String text) {
        checkQuestions(article.questions(), path, text);
        return article;
    }

    private static void checkQuestions(List<Question> questions, String path, String text) {
        for (int q = 0; q < questions.size(); q++) {
            QuestionRules.Broken broken = QuestionRules.check(questions.get(q));
            if (broken != null) {
                String at = path + "/questions/" + q + "/"
                        + switch (broken.part()) {
                            case STEM -> "stem";
                            case OPTIONS -> "options";
                            case ANSWER -> "answer";
                            case STATEMENTS -> "statements";
                        };
                Integer line = lineNumbers(text).get(at);
                throw new Refusal(
                        line != null ? line : lineNumbers(text).getOrDefault(path + "/questions/" + q, 1),
                        readable(at) + ": " + broken.message());
            }
        }
    }

    /** The schema checks the date's shape; this checks that the day exists. */
    private static void checkDates(JsonNode root, String text) {
        List<String> pointers = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                pointers.add("/" + i + "/date");
            }
        } else if (root.has("date")) {
            pointers.add("/date");
        }
        for (String pointer : pointers) {
            String date = root.at(pointer).asString();
            try {
                LocalDate.parse(date);
            } catch (DateTimeException e) {
                throw new Refusal(
                        lineNumbers(text).getOrDefault(pointer, 1),
                        readable(pointer) + ": '" + date + "' is not a real date");
            }
        }
    }

    /** "/sections/0/blocks/1/type" as "sections[0].blocks[1].type". */
    static String readable(String pointer) {
        if (pointer.isEmpty() || pointer.equals("/")) {
            return "the document";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.matches("\\d+")) {
                sb.append('[').append(part).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".")
                        .append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return sb.toString();
    }

    /** The line where each value starts, by JSON pointer ("/sections/0/heading"). */
    static Map<String, Integer> lineNumbers(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<Object> path = new ArrayDeque<>();
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME) {
                    path.push(p.currentName());
                    continue;
                }
                if (!path.isEmpty() && path.peek() instanceof int[] index) {
                    if (token != JsonToken.END_ARRAY) {
                        index[0]++;
                    }
                }
                if (token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT) {
                    lines.put(render(path), (int) p.currentLocation().getLineNr());
                }
                if (token == JsonToken.START_ARRAY) {
                    path.push(new int[] {-1});
                } else if (token == JsonToken.START_OBJECT) {
                    path.push("{");
                } else if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
                    path.pop();
                }
                if ((token.isScalarValue() || token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT)
                        && !path.isEmpty()
                        && path.peek() instanceof String s
                        && !s.equals("{")) {
                    path.pop();
                }
            }
        } catch (JacksonException e) {
            // the text was parsed once already; a failure here only costs line numbers
        }
        return lines;
    }

    private static String render(Deque<Object> path) {
        StringBuilder sb = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            Object part = it.next();
            if (part instanceof int[] index) {
                sb.append('/').append(index[0]);
            } else if (!"{".equals(part)) {
                sb.append('/').append(part.toString().replace("~", "~0").replace("/", "~1"));
            }
        }
        return sb.toString();
    }
}

package app.almanac.facts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The curated data set shipped with Almanac ({@code src/main/resources/facts/*.json}): loaded on
 * first start, and again only when it changed (the load is idempotent either way).
 */
@Component
public class FactsDataSet implements SmartInitializingSingleton {

    static final String NAME = "almanac";
    private static final Logger log = LoggerFactory.getLogger(FactsDataSet.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final FactsService facts;
    private final boolean loadOnStart;

    FactsDataSet(FactsService facts, @Value("${almanac.facts.load-on-start:true}") boolean loadOnStart) {
        this.facts = facts;
        this.loadOnStart = loadOnStart;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (loadOnStart) {
            Result result = load("almanac (first start)");
            if (!result.problems().isEmpty()) {
                log.error("The shipped facts were not loaded: {}", result.problems());
            }
        }
    }

    /** What loading the shipped files did, or the problems that kept them from loading. */
    public record Result(FactsService.Loaded loaded, List<FactFile.Problem> problems) {}

    /** Parses every shipped file and loads them as one data set; nothing is stored if any is refused. */
    public Result load(String by) {
        List<FactFile.Parsed> parsed = parse();
        List<FactFile.Problem> problems = new ArrayList<>();
        parsed.forEach(p -> problems.addAll(p.problems()));
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(facts.load(NAME, parsed, content(), by), List.of());
    }

    /** The shipped files, parsed (each may refer to entities any of them declares). */
    public List<FactFile.Parsed> parse() {
        return parseShipped(facts.knownSlugs());
    }

    /** The shipped files, parsed, with {@code stored} the slugs already known besides theirs. */
    static List<FactFile.Parsed> parseShipped(Set<String> stored) {
        List<Resource> files = files();
        Set<String> known = new HashSet<>(stored);
        List<byte[]> contents = new ArrayList<>();
        for (Resource file : files) {
            byte[] bytes = read(file);
            contents.add(bytes);
            try {
                for (JsonNode e : MAPPER.readTree(bytes).path("entities")) {
                    known.add(e.path("slug").asString());
                }
            } catch (RuntimeException e) {
                // its own parse reports it, with the line
            }
        }
        List<FactFile.Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            parsed.add(FactFile.read("facts/" + files.get(i).getFilename(), contents.get(i), known));
        }
        return parsed;
    }

    private byte[] content() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Resource file : files()) {
            all.writeBytes(read(file));
        }
        return all.toByteArray();
    }

    private static List<Resource> files() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath:/facts/*.json");
            return Arrays.stream(found)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Resource file) {
        try (var in = file.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package app.almanac.ingest;

import app.almanac.article.ArticleContent;
import app.almanac.article.Block;
import app.almanac.article.Credit;
import app.almanac.article.Question;
import app.almanac.article.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic, varied made-up analyses for demonstrations and benchmarks: each is built from a
 * subject, an event and a place drawn at random (from a fixed seed, so runs are repeatable), with
 * bullet sections, a fact table and a practice question. The sentences are Almanac's own.
 */
public final class DemoArticles {

    private static final String[][] SUBJECTS = {
        {"the monsoon", "Geography", "GS-I"}, {"a river-sharing treaty", "International Relations", "GS-II"},
        {"the repo rate", "Economy", "GS-III"}, {"a tiger reserve", "Environment", "GS-III"},
        {"a lunar mission", "Science and Technology", "GS-III"}, {"a new criminal law", "Polity", "GS-II"},
        {"coastal erosion", "Geography", "GS-I"}, {"a free trade agreement", "International Relations", "GS-II"},
        {"crop insurance", "Agriculture", "GS-III"}, {"a heritage site", "Art and Culture", "GS-I"},
        {"the fiscal deficit", "Economy", "GS-III"}, {"a wetland", "Environment", "GS-III"},
        {"a satellite launch", "Science and Technology", "GS-III"}, {"judicial appointments", "Polity", "GS-II"},
        {"urban flooding", "Disaster Management", "GS-III"}, {"civil service ethics", "Ethics", "GS-IV"}
    };
    private static final String[] EVENTS = {
        "review",
        "report",
        "ruling",
        "launch",
        "summit",
        "survey",
        "amendment",
        "agreement",
        "census",
        "audit",
        "plan",
        "pilot"
    };
    private static final String[] PLACES = {
        "Assam",
        "Kerala",
        "Gujarat",
        "Odisha",
        "Ladakh",
        "Punjab",
        "Bihar",
        "Sikkim",
        "Goa",
        "Tripura",
        "Manipur",
        "Karnataka",
        "Rajasthan",
        "Uttarakhand",
        "Tamil Nadu",
        "Maharashtra"
    };
    private static final String[] BODIES = {
        "NITI Aayog",
        "the Reserve Bank of India",
        "the Supreme Court",
        "the Election Commission",
        "ISRO",
        "the Ministry of Environment",
        "the Finance Commission",
        "the CAG"
    };
    private static final String[] TAGS = {
        "SCO", "BRICS", "G20", "UNFCCC", "QUAD", "ASEAN", "WTO", "IMF", "NATO", "ISRO", "RBI", "NITI Aayog"
    };

    private DemoArticles() {}

    /** The {@code i}-th demo article: always the same for the same {@code i}. */
    public static ArticleContent article(int i) {
        Random r = new Random(0x5EED + i * 7919L);
        String[] subject = SUBJECTS[r.nextInt(SUBJECTS.length)];
        String event = EVENTS[r.nextInt(EVENTS.length)];
        String place = PLACES[r.nextInt(PLACES.length)];
        String body = BODIES[r.nextInt(BODIES.length)];
        int year = 2015 + r.nextInt(10);
        LocalDate date = LocalDate.of(2021, 1, 1).plusDays(i % 1460);
        String title = capitalise(event) + " on " + subject[0] + " in " + place + " (" + (i + 1) + ")";
        List<String> tags = List.of(TAGS[r.nextInt(TAGS.length)], place);
        List<Section> sections = List.of(
                new Section(
                        "Details",
                        List.of(new Block.BulletList(List.of(
                                "The " + event + " on " + subject[0] + " in " + place + " was released by " + body
                                        + ".",
                                "It follows the earlier " + event + " of " + year + " and sets targets for the next "
                                        + (2 + r.nextInt(8)) + " years.",
                                "Officials said " + (10 + r.nextInt(80))
                                        + " per cent of the work would be finished within a year.")))),
                new Section(
                        "Significance",
                        List.of(new Block.BulletList(List.of(
                                "Decisions on " + subject[0] + " affect how " + place + " plans for the decade ahead.",
                                "Critics asked for better data and for the " + event
                                        + " to be debated in the legislature.")))),
                new Section(
                        "About " + subject[0],
                        List.of(new Block.FactTable(
                                List.of("Aspect", "Details"),
                                List.of(
                                        List.of(List.of("First taken up"), List.of(Integer.toString(year) + ".")),
                                        List.of(List.of("Responsible body"), List.of(body + ".")),
                                        List.of(
                                                List.of("Region"),
                                                List.of(
                                                        place + ".",
                                                        "Neighbouring states watch the outcome closely.")))))));
        String wrong1 = BODIES[(r.nextInt(BODIES.length))];
        String wrong2 = PLACES[(r.nextInt(PLACES.length))];
        List<Question> questions = List.of(new Question(
                "Which body released the " + event + " on " + subject[0] + " in " + place + "?",
                List.of(
                        new Question.Option("A", body),
                                new Question.Option("B", wrong1.equals(body) ? "Parliament" : wrong1),
                        new Question.Option("C", "The " + wrong2 + " legislature"),
                                new Question.Option("D", "None of the above")),
                List.of("A"),
                "The " + event + " was released by " + body + "."));
        return new ArticleContent(
                title,
                date,
                "Almanac Demo",
                "Daily News Analysis",
                subject[1],
                List.of(subject[2], "Prelims"),
                tags,
                "A " + event + " on " + subject[0] + " in " + place + " was published.",
                List.of(new Credit("Source", "Almanac demo data", null)),
                sections,
                questions);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The first {@code n} demo articles. */
    public static List<ArticleContent> first(int n) {
        List<ArticleContent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(article(i));
        }
        return out;
    }
}

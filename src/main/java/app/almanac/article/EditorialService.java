package app.almanac.article;

import app.almanac.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the desk reads: articles in every state of the workflow, their revisions and the lists by
 * status. Changes go through the {@link ArticleWriter}.
 */
@Service
public class EditorialService {

    private final ArticleRepository articles;
    private final WorkflowRepository workflow;
    private final JsonMapper json;

    EditorialService(ArticleRepository articles, WorkflowRepository workflow, JsonMapper json) {
        this.articles = articles;
        this.workflow = workflow;
        this.json = json;
    }

    /** The article in whatever state it is. */
    @Transactional(readOnly = true)
    public Article find(long id) {
        return articles.findAnyById(id)
                .orElseThrow(() -> new NotFoundException("There is no article number " + id + "."));
    }

    @Transactional(readOnly = true)
    public Editorial state(long id) {
        return workflow.state(id).orElseThrow(() -> new NotFoundException("There is no article number " + id + "."));
    }

    @Transactional(readOnly = true)
    public List<Editorial> byStatus(Status status, int limit) {
        return workflow.byStatus(status, limit);
    }

    @Transactional(readOnly = true)
    public Map<Status, Integer> counts() {
        return workflow.counts();
    }

    /** Revisions newest first. */
    @Transactional(readOnly = true)
    public List<Revision> revisions(long id) {
        state(id);
        return workflow.revisions(id);
    }

    /** What revision {@code revision} of article {@code id} said. */
    @Transactional(readOnly = true)
    public ArticleContent revision(long id, int revision) {
        return workflow.revisionJson(id, revision)
                .map(text -> json.readValue(text, ArticleContent.class))
                .orElseThrow(() -> new NotFoundException("Article " + id + " has no revision " + revision + "."));
    }
}

package org.scholarly.notification.events;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Renders a notification's subject and body from {@code templates/notification/<type>_<locale>.txt}; each file
 * holds a {@code subject} and a {@code body} fragment, so the two are translated side by side.
 */
@ApplicationScoped
public class NotificationRenderer {

    public record Rendered(String subject, String body) {
    }

    private final Engine engine;

    public NotificationRenderer(Engine engine) {
        this.engine = engine;
    }

    public Rendered render(Occurrence occurrence, String locale) {
        String id = "notification/" + occurrence.type().replace('.', '-') + "_" + locale;
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("No template " + id);
        }
        String subject = fill(template.getFragment("subject").instance(), occurrence, locale).render().strip();
        String body = fill(template.getFragment("body").instance(), occurrence, locale).render().strip() + "\n";
        return new Rendered(subject.replaceAll("\\s+", " "), body);
    }

    private static TemplateInstance fill(TemplateInstance instance, Occurrence occurrence, String locale) {
        instance.data("articleTitle", pick(occurrence.articleTitles(), locale, occurrence.articleId() == null ? "" : occurrence.articleId().toString()));
        instance.data("journalTitle", pick(occurrence.journalTitles(), locale, ""));
        instance.data("articleId", occurrence.articleId() == null ? "" : occurrence.articleId().toString());
        occurrence.details().forEach(instance::data);
        return instance;
    }

    /** The title in the reader's language, else the other one, else any: a Korean-only title beats none. */
    static String pick(Map<String, String> titles, String locale, String fallback) {
        String other = locale.equals("ko") ? "en" : "ko";
        if (titles.get(locale) != null) {
            return titles.get(locale);
        }
        if (titles.get(other) != null) {
            return titles.get(other);
        }
        return titles.values().stream().findFirst().orElse(fallback);
    }
}

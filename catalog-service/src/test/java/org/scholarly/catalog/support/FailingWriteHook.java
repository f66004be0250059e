package org.scholarly.catalog.support;

import jakarta.enterprise.context.ApplicationScoped;
import org.scholarly.catalog.article.Article;
import org.scholarly.catalog.article.ArticleWriteHook;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Replaces the inert production hook in tests: fails the write transaction for DOIs a test arms. */
@ApplicationScoped
public class FailingWriteHook implements ArticleWriteHook {

    public static final Set<String> FAIL_FOR_DOI = ConcurrentHashMap.newKeySet();

    @Override
    public void afterWrite(List<Article> written) {
        for (Article article : written) {
            if (article.doi != null && FAIL_FOR_DOI.contains(article.doi)) {
                throw new IllegalStateException("injected failure after the insert of article " + article.id);
            }
        }
    }
}

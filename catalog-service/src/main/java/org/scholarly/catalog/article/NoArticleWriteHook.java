package org.scholarly.catalog.article;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@DefaultBean
@ApplicationScoped
public class NoArticleWriteHook implements ArticleWriteHook {

    @Override
    public void afterWrite(List<Article> written) {
        // Nothing to do: the hook exists for fault-injection tests.
    }
}

package org.scholarly.catalog.article;

import java.util.List;

/**
 * Called inside the write transaction after articles and their events were written, before commit. Production
 * uses {@link NoArticleWriteHook}; tests replace it to prove that a late failure leaves no article and no event.
 */
public interface ArticleWriteHook {

    void afterWrite(List<Article> written);
}

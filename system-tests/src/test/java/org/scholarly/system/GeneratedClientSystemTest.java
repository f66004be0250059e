package org.scholarly.system;

import org.junit.jupiter.api.Test;
import org.scholarly.client.catalog.api.ArticleResourceApi;
import org.scholarly.client.catalog.model.ArticleRecord;
import org.scholarly.client.catalog.model.ArticleView;
import org.scholarly.client.catalog.model.AuthorEntry;
import org.scholarly.client.catalog.model.IssueInput;
import org.scholarly.client.catalog.model.JournalInput;
import org.scholarly.client.catalog.model.ReferenceEntry;
import org.scholarly.client.catalog.model.WorkflowStatus;
import org.scholarly.client.citation.api.CitationResourceApi;
import org.scholarly.client.citation.model.CitingArticle;
import org.scholarly.client.citation.model.PageCitingArticle;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a client team does with the API documents: generate Java clients from them (openapi-generator, at build time,
 * from the documents the services write) and, with nothing but those clients, create an article, read it back and
 * list the articles that cite it.
 */
class GeneratedClientSystemTest {

    @Test
    void aGeneratedClientCreatesAnArticleReadsItBackAndListsItsCitations() throws Exception {
        ArticleResourceApi articles = new ArticleResourceApi(catalogClient(SystemStack.token("ingest")));
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String citedDoi = "10.5555/client." + unique;

        ArticleView cited = articles.apiV1ArticlesPost(article("Generated clients and their documents " + unique, 2019)
                .doi(citedDoi), null, null);
        ArticleView read = articles.apiV1ArticlesIdGet(cited.getId());
        assertThat(read.getDoi()).isEqualTo(citedDoi);
        assertThat(read.getTitles()).containsEntry("en", "Generated clients and their documents " + unique);
        assertThat(read.getWorkflowStatus()).isEqualTo(WorkflowStatus.PUBLISHED);

        ArticleView citing = articles.apiV1ArticlesPost(article("Citing through a generated client " + unique, 2024)
                .doi("10.5555/client-citing." + unique)
                .addReferencesItem(new ReferenceEntry().doi("https://doi.org/" + citedDoi.toUpperCase())), null, null);

        org.scholarly.client.citation.ApiClient citationClient = new org.scholarly.client.citation.ApiClient();
        citationClient.updateBaseUri(SystemStack.citation());
        CitationResourceApi citations = new CitationResourceApi(citationClient);
        // 404 until the citation-service has consumed the article's event.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreException(org.scholarly.client.citation.ApiException.class).untilAsserted(() -> {
            PageCitingArticle page = citations.apiV1CitationsArticlesIdCitedByGet(cited.getId(), null, 10);
            assertThat(page.getItems()).extracting(CitingArticle::getArticleId).containsExactly(citing.getId());
            assertThat(page.getItems().get(0).getYear()).isEqualTo(2024);
            assertThat(page.getNextCursor()).isNull();
        });
    }

    private static org.scholarly.client.catalog.ApiClient catalogClient(String token) {
        org.scholarly.client.catalog.ApiClient client = new org.scholarly.client.catalog.ApiClient();
        client.updateBaseUri(SystemStack.catalog());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static ArticleRecord article(String title, int year) {
        return new ArticleRecord()
                .putTitlesItem("en", title)
                .publicationYear(year)
                .firstPage("1")
                .lastPage("20")
                .workflowStatus(WorkflowStatus.PUBLISHED)
                .journal(new JournalInput().putTitlesItem("en", "Journal of Generated Clients").putTitlesItem("ko", "생성클라이언트연구"))
                .issue(new IssueInput().year(year).number("1"))
                .addAuthorsItem(new AuthorEntry().putNamesItem("en", "Kim Min-su").putNamesItem("ko", "김민수"));
    }
}

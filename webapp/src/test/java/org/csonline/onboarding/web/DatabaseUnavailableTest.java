package org.csonline.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.csonline.onboarding.ratelimit.RateLimitProperties;
import org.csonline.onboarding.ratelimit.RateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

    private final DatabaseUnavailable filter = new DatabaseUnavailable(
            new RateLimiter(null, null, null, new RateLimitProperties(Map.of()), Clock.systemUTC()), messages());

    private static Messages messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        return new Messages(source);
    }

    @Test
    void aFailureAfterThePageWasRenderedAndFlushedStillAnswersTryAgain() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/signup/phone"), response, new MockFilterChain(
                new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse page) throws IOException {
                        page.getWriter().write("<html>half a page");
                        page.getWriter().flush();
                        page.flushBuffer();
                        // What Spring Session does at the end of the request: write the session.
                        throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
                    }
                }));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseUnavailable.RETRY_AFTER_SECONDS);
        assertThat(response.getContentAsString()).doesNotContain("half a page");
    }

    @Test
    void anErrorPageThatNeedsTheDatabaseIsAPlainTryAgainPage() throws Exception {
        MockHttpServletRequest errorDispatch = new MockHttpServletRequest("GET", "/error");
        errorDispatch.setDispatcherType(DispatcherType.ERROR);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(errorDispatch, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse page) {
                // The error page's session lookup, with the database away.
                throw new TransactionSystemException("JDBC rollback failed") {
                    {
                        initApplicationException(new CannotCreateTransactionException("Could not open JDBC Connection"));
                    }
                };
            }
        }));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("<h1>Sorry, the service is busy</h1>")
                .contains("lang=\"en\"");
    }

    @Test
    void aPageThatWorkedIsSentWhole() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse page) throws IOException {
                page.setContentType("text/html");
                page.getWriter().write("<html>the whole page</html>");
                page.getWriter().flush();
            }
        }));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("<html>the whole page</html>");
    }
}

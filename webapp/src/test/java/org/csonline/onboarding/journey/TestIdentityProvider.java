package org.csonline.onboarding.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A real OpenID Connect provider (Spring Authorization Server) on its own loopback port inside the test JVM: its own
 * users and sign-in page, discovery, keys, authorization code flow, UserInfo and RP-initiated logout. The council's
 * claims are added to the ID token: a stable {@code sub} that is neither the username nor the email, {@code name},
 * {@code email} and {@code groups}. Two ways for a sign-in to go wrong on purpose: the provider issues an ID token
 * that has already expired (signed, so only its time is wrong), or something on the way alters a genuine ID token's
 * subject after signing.
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "cso-staff";
    static final String CLIENT_SECRET = "test-client-secret";
    static final String PASSWORD = "provider-password";

    /** A person in the council's directory. {@code username} is what they type at the provider's sign-in page. */
    record Person(String username, String subject, String name, String email, List<String> groups) {
    }

    enum IdTokens { GENUINE, EXPIRED, TAMPERED }

    /**
     * How this provider differs from the usual: {@code realmRoles} puts the groups in a nested
     * {@code realm_access.roles} claim (where Keycloak puts realm roles) instead of {@code groups};
     * {@code noEndSession} leaves {@code end_session_endpoint} out of the discovery document, as providers without
     * RP-initiated logout do.
     */
    record Shape(boolean realmRoles, boolean noEndSession) {
        static final Shape USUAL = new Shape(false, false);
    }

    /** What the test changes while the provider runs. */
    static final class State {
        final Map<String, Person> people = new ConcurrentHashMap<>();
        final AtomicReference<IdTokens> idTokens = new AtomicReference<>(IdTokens.GENUINE);
        final AtomicReference<String> appBase = new AtomicReference<>("http://127.0.0.1");
        final AtomicInteger signOuts = new AtomicInteger();
        volatile String tamperedSubject = "someone-else";
        volatile Shape shape = Shape.USUAL;
    }

    private final ConfigurableApplicationContext context;
    private final State state;

    private TestIdentityProvider(ConfigurableApplicationContext context, State state) {
        this.context = context;
        this.state = state;
    }

    static TestIdentityProvider start(Person... people) {
        return start(Shape.USUAL, people);
    }

    static TestIdentityProvider start(Shape shape, Person... people) {
        State state = new State();
        state.shape = shape;
        for (Person person : people) {
            state.people.put(person.username(), person);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                // Not the app's application.yaml: this is another server with its own settings.
                .properties("spring.config.name=cso-test-identity-provider", "server.port=0",
                        "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        // Both servers are on 127.0.0.1 and browsers keep cookies per host, not per port.
                        "server.servlet.session.cookie.name=PROVIDER_SESSION")
                .initializers(c -> c.getBeanFactory().registerSingleton("providerState", state))
                .run();
        return new TestIdentityProvider(context, state);
    }

    String issuer() {
        return "http://127.0.0.1:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Where the app runs: the client's redirect and post-logout addresses are registered for it. */
    void appRunsAt(String base) {
        state.appBase.set(base);
    }

    void issue(IdTokens idTokens) {
        state.idTokens.set(idTokens);
    }

    /** A tampered token claims to be this subject. */
    void tamperTo(String subject) {
        state.tamperedSubject = subject;
    }

    void update(Person person) {
        state.people.put(person.username(), person);
    }

    /** How many times the provider's end_session_endpoint was called. */
    int signOuts() {
        return state.signOuts.get();
    }

    @Override
    public void close() {
        context.close();
    }

    // Not @Configuration: the app's component scan covers this package, and the provider is not part of the app.
    @EnableWebSecurity
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain protocol(HttpSecurity http, State state) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, s -> s.oidc(oidc -> oidc.providerConfigurationEndpoint(discovery -> discovery
                            .providerConfigurationCustomizer(metadata -> metadata.claims(claims -> {
                                if (state.shape.noEndSession()) {
                                    claims.remove("end_session_endpoint");
                                }
                            })))))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    // UserInfo takes the access token.
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signInPage(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people(State state) {
            return username -> {
                Person person = state.people.get(username);
                if (person == null) {
                    throw new UsernameNotFoundException(username);
                }
                return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
            };
        }

        /** The app as a registered client; its addresses follow where the app runs (known only once it started). */
        @Bean
        RegisteredClientRepository clients(State state) {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    // The server saves a client to re-encode its secret; this one is built afresh on every lookup.
                }

                @Override
                public RegisteredClient findById(String id) {
                    return "cso".equals(id) ? client() : null;
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? client() : null;
                }

                private RegisteredClient client() {
                    String app = state.appBase.get();
                    return RegisteredClient.withId("cso").clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri(app + "/staff/oauth2/code/council")
                            .postLogoutRedirectUri(app + "/staff/signed-out")
                            .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                            .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                            .build();
                }
            };
        }

        /** The council's claims, and an expired ID token when the test asks for one. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(State state) {
            return context -> {
                Person person = state.people.get(context.getPrincipal().getName());
                if (person == null) {
                    return;
                }
                context.getClaims().subject(person.subject());
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    context.getClaims().claim("name", person.name()).claim("email", person.email())
                            .claim("email_verified", true);
                    if (state.shape.realmRoles()) {
                        context.getClaims().claim("realm_access", Map.of("roles", person.groups()));
                    } else {
                        context.getClaims().claim("groups", person.groups());
                    }
                    if (state.idTokens.get() == IdTokens.EXPIRED) {
                        Instant now = Instant.now();
                        context.getClaims().issuedAt(now.minus(Duration.ofHours(2)))
                                .expiresAt(now.minus(Duration.ofHours(1)));
                    }
                }
            };
        }

        /**
         * Between the provider and the app, when the test asks: the token response's ID token gets another subject,
         * keeping the provider's signature (which no longer matches).
         */
        @Bean
        FilterRegistrationBean<Filter> tamperWithIdTokens(State state) {
            ObjectMapper json = new ObjectMapper();
            Filter filter = (request, response, chain) -> {
                if (state.idTokens.get() != IdTokens.TAMPERED) {
                    chain.doFilter(request, response);
                    return;
                }
                ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper((HttpServletResponse) response);
                chain.doFilter(request, wrapper);
                byte[] body = wrapper.getContentAsByteArray();
                if (wrapper.getStatus() == 200) {
                    ObjectNode tokens = (ObjectNode) json.readTree(body);
                    String[] parts = tokens.get("id_token").asText().split("\\.");
                    ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
                    claims.put("sub", state.tamperedSubject);
                    parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(claims));
                    tokens.put("id_token", String.join(".", parts));
                    body = json.writeValueAsBytes(tokens);
                }
                wrapper.resetBuffer();
                wrapper.getOutputStream().write(body);
                wrapper.copyBodyToResponse();
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.addUrlPatterns("/oauth2/token");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        FilterRegistrationBean<Filter> countSignOuts(State state) {
            Filter filter = (request, response, chain) -> {
                if (((HttpServletRequest) request).getParameter("id_token_hint") != null) {
                    state.signOuts.incrementAndGet();
                }
                chain.doFilter(request, response);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.addUrlPatterns("/connect/logout");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}

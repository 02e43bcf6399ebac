package io.quanyu.console.app;

import io.quanyu.console.config.ConsoleConfig;
import io.quanyu.support.Caller;
import io.quanyu.support.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.util.Locale;
import java.util.Optional;

/**
 * The signed-in user: their reader or admin token, checked with service-support's {@link Credentials} against the same
 * secrets the services hold, and kept in an HttpOnly cookie so that page scripts never see it. The console calls the
 * services with that token, so it can do nothing the token could not do from a script.
 */
@ApplicationScoped
public class Session {

    public static final String TOKEN_COOKIE = "quanyu_console";
    public static final String LANG_COOKIE = "quanyu_lang";
    /** A session cookie lives as long as a working day; the token itself does not expire. */
    private static final int MAX_AGE = 12 * 3600;

    private final Credentials credentials;
    private final ConsoleConfig config;

    public Session(Credentials credentials, ConsoleConfig config) {
        this.credentials = credentials;
        this.config = config;
    }

    /** The staff caller this token is, if it is a reader or admin token; customers and unknown tokens are not signed in. */
    public Optional<Caller> who(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            Caller c = credentials.identify("Bearer " + token.trim());
            return c.staff() ? Optional.of(c) : Optional.empty();
        } catch (Credentials.Refused e) {
            return Optional.empty();
        }
    }

    public NewCookie signIn(String token) {
        return cookie(TOKEN_COOKIE, token.trim(), MAX_AGE);
    }

    public NewCookie signOut() {
        return cookie(TOKEN_COOKIE, "", 0);
    }

    public NewCookie language(String lang) {
        return cookie(LANG_COOKIE, lang, 365 * 24 * 3600);
    }

    /** zh or en: the cookie's choice, else the browser's first preference, else English. */
    public static Locale locale(String cookie, String acceptLanguage) {
        String lang = cookie;
        if (lang == null || lang.isBlank()) {
            lang = acceptLanguage != null && acceptLanguage.trim().toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
        }
        return "zh".equals(lang) ? Locale.CHINESE : Locale.ENGLISH;
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}

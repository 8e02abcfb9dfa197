package dev.mpem.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Whoever signed in with the generated one-time admin password is led straight to choosing their own:
 * every page sends them to the password page until they have.
 */
@Configuration(proxyBeanMethods = false)
class FirstPasswordInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final String PASSWORD_PAGE = "/account/password";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/**")
                .excludePathPatterns(PASSWORD_PAGE, "/logout", "/login", "/error", "/css/**", "/js/**", "/favicon.ico",
                        "/api/**", "/share/**", "/join/**", "/w/**", "/actuator/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user
                && user.mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return false;
        }
        return true;
    }
}

package dev.mpem.portal.portfolio;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the portfolio page that keep its filter: to sort by a column (a second click reverses
 * the order), to another page, to the CSV. Only what was given goes into a link.
 */
public record PortfolioLinks(PortfolioRequest query, String sort, boolean descending) {

    public String sortBy(String key) {
        boolean reverse = key.equals(sort) && !descending;
        // Levels read best highest first; names A to Z.
        boolean firstDescending = !key.equals("name") && !key.equals("industry");
        return build("/portfolio", key, key.equals(sort) ? reverse : firstDescending, null);
    }

    public boolean sortedBy(String key) {
        return key.equals(sort);
    }

    public String page(int page) {
        return build("/portfolio", sort, descending, page);
    }

    public String csv() {
        return build("/portfolio.csv", sort, descending, null);
    }

    private String build(String path, String key, boolean down, Integer page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (query.industry() != null) {
            uri.queryParam("industry", query.industry());
        }
        if (query.from() != null) {
            uri.queryParam("from", query.from());
        }
        if (query.to() != null) {
            uri.queryParam("to", query.to());
        }
        if (key != null && !key.equals("name")) {
            uri.queryParam("sort", key);
        }
        if (down) {
            uri.queryParam("dir", "desc");
        }
        if (page != null && page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }
}

package org.masthead.app;

import org.masthead.taxonomy.TaxonomyStore;

/** A new site starts with the sections most newsrooms have; editors rename or add later. */
final class DefaultSections {
    private DefaultSections() {}

    static void ensure(TaxonomyStore taxonomy) {
        if (!taxonomy.listSections().isEmpty()) return;
        String[][] defaults = {{"News", "news"}, {"Politics", "politics"}, {"Business", "business"}, {"Science", "science"},
            {"Sport", "sport"}, {"Culture", "culture"}};
        for (var d : defaults) taxonomy.addSection(d[0], d[1]);
    }
}

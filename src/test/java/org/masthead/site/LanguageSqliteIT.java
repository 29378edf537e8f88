package org.masthead.site;

import org.masthead.db.Database;

class LanguageSqliteIT extends LanguageIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}

package org.masthead.site;

import org.masthead.db.Database;

class LanguagePostgresIT extends LanguageIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}

package org.masthead.article;

import org.masthead.db.Database;

class BylinesPostgresIT extends BylinesIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}

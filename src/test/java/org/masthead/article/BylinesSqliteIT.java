package org.masthead.article;

import org.masthead.db.Database;

class BylinesSqliteIT extends BylinesIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}

package org.masthead.article;

import org.masthead.db.Database;

class ChangeFollowerSqliteIT extends ChangeFollowerIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}

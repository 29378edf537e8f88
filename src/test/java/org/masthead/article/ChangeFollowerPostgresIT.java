package org.masthead.article;

import org.masthead.db.Database;

class ChangeFollowerPostgresIT extends ChangeFollowerIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}

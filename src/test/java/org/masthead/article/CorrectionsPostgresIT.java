package org.masthead.article;

import org.masthead.db.Database;

class CorrectionsPostgresIT extends CorrectionsIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}

package org.masthead.article;

import org.masthead.db.Database;

class CorrectionsSqliteIT extends CorrectionsIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}

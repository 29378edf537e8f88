package org.masthead.article;

import org.masthead.db.Database;

class NewsroomFlowPostgresIT extends NewsroomFlowIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}

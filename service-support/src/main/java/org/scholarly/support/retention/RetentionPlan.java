package org.scholarly.support.retention;

import java.util.List;

/** A service's list of what it prunes, applied in this order on every run (dependants before what they refer to). */
public interface RetentionPlan {

    List<RetentionRule> rules();
}

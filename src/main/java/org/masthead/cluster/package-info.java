/**
 * Running many nodes as one site: the jobs runner ({@link org.masthead.cluster.Jobs}) with its
 * database leases, so each background job runs once across the cluster or once per node as it
 * declares. Start with Job; app creates the runner and registers every job.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.cluster;

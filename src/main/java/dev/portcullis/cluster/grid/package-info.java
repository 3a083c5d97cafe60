/**
 * What one node asks every other node of the Data Grid to run ({@code dev.portcullis.cluster.EveryNode}):
 * a task name and one text argument, run by whatever the receiving node registered under that name. Part
 * of the grid functions jar ({@code portcullis-grid.jar}, Payara Micro's {@code --addlibs}), so that a
 * member without the application can read the request and answer that it has nothing to run; hence it
 * imports nothing but the JDK and Hazelcast (an architecture test keeps it so).
 */
package dev.portcullis.cluster.grid;

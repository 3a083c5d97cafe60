/**
 * The Data Grid functions: the entry processor that decides a charge on the member owning the counter,
 * and its arithmetic. Built as the grid functions jar ({@code portcullis-grid.jar}, Payara Micro's
 * {@code --addlibs}), so a member loads them without the application; hence they import nothing but
 * the JDK and Hazelcast (an architecture test keeps it so).
 */
package dev.portcullis.ratelimit.grid;

/**
 * The benchmark command: the event store and the application measured under load. {@link
 * nl.partnershipregistry.bench.RegistryBenchmark} measures the event store and the read side in
 * this process; {@link nl.partnershipregistry.bench.LoadRun} (live-event subscribers and a
 * keep-alive mix of answers) runs the executable jar as a child process on 127.0.0.1 and talks to
 * it over HTTP only.
 */
package nl.partnershipregistry.bench;

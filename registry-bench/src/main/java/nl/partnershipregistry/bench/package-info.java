/**
 * The benchmark command: the event store and the application measured under load. {@link
 * nl.partnershipregistry.bench.RegistryBenchmark} measures the event store and the read side in
 * this process, {@link nl.partnershipregistry.bench.GrowthBenchmark} what a write costs on disk as
 * one partnership's history grows, and {@link nl.partnershipregistry.bench.PeerBenchmark} the same
 * workload against Axon's own MongoDB engine; {@link nl.partnershipregistry.bench.LoadRun}
 * (live-event subscribers and a keep-alive mix of answers), {@link
 * nl.partnershipregistry.bench.FaultRun} ({@code kill -9} during commands, imports and rebuilds),
 * {@link nl.partnershipregistry.bench.PageRun} (the pages' server time and weight on a generated
 * data set) and {@link nl.partnershipregistry.bench.ScaleRun} (the questions at two sizes of one
 * data set, with what its data file holds, {@link nl.partnershipregistry.bench.StorageBreakdown})
 * run the executable jar as a child process on 127.0.0.1 and talk to it over HTTP only.
 */
package nl.partnershipregistry.bench;

/**
 * Commands from outside: the table of accepted commands and their web paths ({@link
 * nl.partnershipregistry.api.command.CommandCatalogue}, read from the sealed command hierarchies
 * and each command's {@code @Published} address), reading them from JSON with the recording user
 * and instant set by the registry ({@link nl.partnershipregistry.api.command.CommandReader}:
 * strictly, as UTF-8 and valid Unicode, each value of its field's kind, each field once, within one
 * size limit whose refusal is {@link nl.partnershipregistry.api.command.InputTooLarge}), and
 * sending them with the commit numbers their events were stored under.
 */
package nl.partnershipregistry.api.command;

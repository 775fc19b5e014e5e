/**
 * The bottom layer, imported by every other package and importing none of them: the input error that every
 * layer raises for bad user input ({@code InvalidInputException}, exit code 2), the trial seed derivation
 * ({@code TrialSeeds}) and the configuration-name helpers the settings enums share ({@code ConfigNames}).
 */
package org.sparkhpo.common;

/**
 * Reading LIBSVM, CSV and IDX data into compact primitive arrays (Parquet and catalog tables through a
 * {@link org.sparkhpo.data.ColumnarReader} that the {@code spark} package implements), checking and encoding labels, seeded
 * stratified splitting and standardization: everything that happens on the driver before the data is
 * broadcast once to the executors ({@link org.sparkhpo.data.DataPreparer} is the entry point).
 */
package org.sparkhpo.data;

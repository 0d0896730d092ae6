/**
 * The Apache Spark engine of {@code sweep --engine spark}: compiled only in the Maven profile
 * {@code spark} (source folder {@code src/spark/java}) into {@code target/fresnel-spark.jar}, so
 * that the desktop jar does not carry Spark. See docs/spark.md.
 */
package io.fresnel.sweep.spark;

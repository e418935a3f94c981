package dev.amsh.emulator.rest;

import java.util.Map;
import java.util.Set;

/** The Edm type of each property the API speaks of (the rest are Edm.String), for Atom's typed values. */
final class EdmTypes {
    static final String INT32 = "Edm.Int32";
    static final String INT64 = "Edm.Int64";
    static final String DOUBLE = "Edm.Double";
    static final String BOOLEAN = "Edm.Boolean";
    static final String DATETIME = "Edm.DateTime";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("State", INT32), Map.entry("Options", INT32), Map.entry("Type", INT32), Map.entry("Permissions", INT32),
            Map.entry("Priority", INT32), Map.entry("FormatOption", INT32), Map.entry("TargetJobState", INT32),
            Map.entry("ContentFileSize", INT64),
            Map.entry("DurationInMinutes", DOUBLE), Map.entry("RunningDuration", DOUBLE), Map.entry("Progress", DOUBLE),
            Map.entry("IsPrimary", BOOLEAN), Map.entry("IsEncrypted", BOOLEAN),
            Map.entry("Created", DATETIME), Map.entry("LastModified", DATETIME), Map.entry("StartTime", DATETIME),
            Map.entry("EndTime", DATETIME), Map.entry("ExpirationDateTime", DATETIME), Map.entry("TimeStamp", DATETIME));
    /** Collections of complex values and the type names the service gave their elements. */
    static final Map<String, String> COLLECTIONS = Map.of(
            "ErrorDetails", "Microsoft.Cloud.Media.Vod.Rest.Data.Models.ErrorDetail",
            "HistoricalEvents", "Microsoft.Cloud.Media.Vod.Rest.Data.Models.TaskHistoricalEvent",
            "JobNotificationSubscriptions", "Microsoft.Cloud.Media.Vod.Rest.Data.Models.JobNotificationSubscription");
    static final Set<String> NUMBERS = Set.of(INT32, INT64, DOUBLE);

    private EdmTypes() {
    }

    static String of(String property) {
        return TYPES.getOrDefault(property, "Edm.String");
    }
}

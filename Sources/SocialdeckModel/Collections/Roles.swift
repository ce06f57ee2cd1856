/// Roles of customer users inside one organization.
public enum UserRole: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case admin, manager, user, viewer
}

/// Roles of platform staff, who work across organizations.
public enum StaffRole: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case superAdmin = "super_admin"
    case admin, support, analyst
}

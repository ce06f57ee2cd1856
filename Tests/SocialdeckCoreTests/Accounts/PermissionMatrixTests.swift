import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// Every cell of the permission matrix, against a table written out here: changing
/// who may do what means changing this table too, on purpose.
@Suite("Permission matrix")
struct PermissionMatrixTests {
    /// X = allowed, - = refused. Columns: customer admin, manager, user, viewer |
    /// staff super_admin, admin, support, analyst.
    static let table: [(Action, String)] = [
        //                         customer  staff
        //                         A M U V   S A S A
        (.viewContent,            "X X X X | X X X X"),
        (.createContent,          "X X X - | X X - -"),
        (.editContent,            "X X X - | X X - -"),
        (.approveContent,         "X X - - | X X - -"),
        (.rejectContent,          "X X - - | X X - -"),
        (.scheduleContent,        "X X - - | X X - -"),
        (.publishContent,         "X X - - | X X - -"),
        (.deleteContent,          "X X - - | X X - -"),
        (.viewAnalytics,          "X X X X | X X X X"),
        (.viewAgents,             "X X X - | X X X X"),
        (.configureAgents,        "- - - - | X X - -"),
        (.manageUsers,            "X - - - | X X - -"),
        (.manageOrganization,     "X - - - | X X - -"),
        (.viewBilling,            "X - - - | X X X X"),
        (.manageBilling,          "X - - - | X X - -"),
        (.exportData,             "X X - - | X X - X"),
        (.viewAuditLogs,          "X - - - | X X X -"),
        (.viewCustomers,          "- - - - | X X X X"),
        (.suspendUsers,           "- - - - | X X X -"),
        (.unlockAccounts,         "- - - - | X X X -"),
        (.manageSubscriptions,    "- - - - | X X - -"),
        (.viewRevenue,            "- - - - | X X - X"),
        (.viewSupportTickets,     "- - - - | X X X -"),
        (.manageSupportTickets,   "- - - - | X X X -"),
        (.manageStaff,            "- - - - | X - - -"),
        (.managePublishing,       "- - - - | X X - -"),
        (.viewSystemHealth,       "- - - - | X X X -"),
    ]

    static let customerColumns: [UserRole] = [.admin, .manager, .user, .viewer]
    static let staffColumns: [StaffRole] = [.superAdmin, .admin, .support, .analyst]

    /// The table's cells for one row: four customer columns, then four staff columns.
    static func cells(_ row: String) -> [Bool] {
        row.filter { $0 == "X" || $0 == "-" }.map { $0 == "X" }
    }

    static func expected(_ action: Action, customer role: UserRole) -> Bool {
        let row = table.first { $0.0 == action }!.1
        return cells(row)[customerColumns.firstIndex(of: role)!]
    }

    static func expected(_ action: Action, staff role: StaffRole) -> Bool {
        let row = table.first { $0.0 == action }!.1
        return cells(row)[4 + staffColumns.firstIndex(of: role)!]
    }

    static let orgA = ObjectId()
    static let orgB = ObjectId()

    static func customer(_ role: UserRole, grants: [String] = [], org: ObjectId = orgA) -> Identity {
        Identity(principal: .customer(userId: ObjectId(), organizationId: org, role: role), grants: grants,
                 sessionId: "s", context: testContext)
    }

    static func staff(_ role: StaffRole, grants: [String] = []) -> Identity {
        Identity(principal: .staff(adminId: ObjectId(), role: role), grants: grants, sessionId: "s", context: testContext)
    }

    static func allowed(_ identity: Identity, _ action: Action, _ org: ObjectId?) -> Bool {
        (try? AccessControl.authorize(identity, action, organizationId: org)) != nil
    }

    @Test func theTableCoversEveryActionAndRoleOnce() {
        #expect(Self.table.map(\.0).sorted { $0.rawValue < $1.rawValue } == Action.allCases.sorted { $0.rawValue < $1.rawValue })
        #expect(Set(Self.table.map(\.0)).count == Self.table.count)
        for (action, row) in Self.table { #expect(Self.cells(row).count == 8, "\(action)") }
        #expect(Set(Self.customerColumns) == Set(UserRole.allCases))
        #expect(Set(Self.staffColumns) == Set(StaffRole.allCases))
    }

    @Test(arguments: UserRole.allCases)
    func customerRole(_ role: UserRole) {
        let who = Self.customer(role)
        for action in Action.allCases {
            let expected = Self.expected(action, customer: role)
            #expect(PermissionMatrix.actions(for: role).contains(action) == expected, "\(role) \(action)")
            #expect(who.allowedActions.contains(action) == expected, "\(role) \(action)")
            // Inside their own organization the matrix decides…
            #expect(Self.allowed(who, action, Self.orgA) == expected, "\(role) \(action) in own organization")
            // …and outside it nothing is allowed, nor on data of no organization.
            #expect(!Self.allowed(who, action, Self.orgB), "\(role) \(action) in another organization")
            #expect(!Self.allowed(who, action, nil), "\(role) \(action) on data of no organization")
        }
    }

    @Test(arguments: StaffRole.allCases)
    func staffRole(_ role: StaffRole) {
        let who = Self.staff(role)
        for action in Action.allCases {
            let expected = Self.expected(action, staff: role)
            #expect(PermissionMatrix.actions(for: role).contains(action) == expected, "\(role) \(action)")
            #expect(who.allowedActions.contains(action) == expected, "\(role) \(action)")
            // Staff work across organizations: the organization never changes the answer.
            #expect(Self.allowed(who, action, nil) == expected, "\(role) \(action)")
            #expect(Self.allowed(who, action, Self.orgA) == expected, "\(role) \(action) in A")
            #expect(Self.allowed(who, action, Self.orgB) == expected, "\(role) \(action) in B")
        }
    }

    @Test func deniedErrorsNameTheActionAndReason() throws {
        let viewer = Self.customer(.viewer)
        let denied = #expect(throws: AccessDenied.self) {
            try AccessControl.authorize(viewer, .approveContent, organizationId: Self.orgA)
        }
        #expect(denied?.action == .approveContent)
        #expect(denied?.reason == "role does not allow it")
        let outside = #expect(throws: AccessDenied.self) {
            try AccessControl.authorize(Self.customer(.admin), .viewContent, organizationId: Self.orgB)
        }
        #expect(outside?.reason == "outside your organization")
    }

    @Test func grantsAddActions() {
        let viewer = Self.customer(.viewer, grants: ["content.approve", "data.export"])
        #expect(viewer.allowedActions == PermissionMatrix.actions(for: .viewer).union([.approveContent, .exportData]))
        #expect(Self.allowed(viewer, .approveContent, Self.orgA))
        #expect(Self.allowed(viewer, .exportData, Self.orgA))
        #expect(!Self.allowed(viewer, .rejectContent, Self.orgA))

        let analyst = Self.staff(.analyst, grants: ["tickets.view", "accounts.unlock"])
        #expect(analyst.allowedActions == PermissionMatrix.actions(for: .analyst).union([.viewSupportTickets, .unlockAccounts]))
        #expect(Self.allowed(analyst, .unlockAccounts, nil))

        #expect(PermissionMatrix.actions(base: [], grants: Action.allCases.map(\.rawValue)) == Set(Action.allCases))
    }

    @Test func unknownGrantNamesAreIgnored() {
        let names = ["content.fly", "", "CONTENT.APPROVE", "content.approve ", " content.approve", "approveContent",
                     "admin", "*", "content.*", "users.manage\u{0}", "staff"]
        let viewer = Self.customer(.viewer, grants: names)
        #expect(viewer.allowedActions == PermissionMatrix.actions(for: .viewer))
        let support = Self.staff(.support, grants: names)
        #expect(support.allowedActions == PermissionMatrix.actions(for: .support))
        #expect(PermissionMatrix.actions(base: [.viewContent], grants: names) == [.viewContent])
    }

    @Test func aGrantNeverLiftsACustomerOutOfTheirOrganization() {
        let everything = Action.allCases.map(\.rawValue)
        let customer = Self.customer(.viewer, grants: everything)
        #expect(customer.allowedActions == Set(Action.allCases))
        for action in Action.allCases {
            #expect(Self.allowed(customer, action, Self.orgA), "\(action) in own organization")
            #expect(!Self.allowed(customer, action, Self.orgB), "\(action) in another organization")
            // Staff-only data (no organization) stays out of reach, even with staff.manage granted.
            #expect(!Self.allowed(customer, action, nil), "\(action) on data of no organization")
        }
        #expect(customer.organizationId == Self.orgA)
        #expect(!customer.isStaff)
        #expect(AccessControl.scope(customer) == .eq("organizationId", Self.orgA))
    }

    @Test func theLocalOperatorCanDoEverything() {
        let op = Identity(principal: .localOperator(name: "ops"), sessionId: "cli-1", context: testContext)
        #expect(op.allowedActions == Set(Action.allCases))
        for action in Action.allCases {
            #expect(Self.allowed(op, action, nil))
            #expect(Self.allowed(op, action, Self.orgA))
            #expect(Self.allowed(op, action, Self.orgB))
        }
        #expect(op.organizationId == nil)
        #expect(op.actorId == nil)
        #expect(op.isStaff)
        #expect(AccessControl.scope(op) == .all)
        let fromEnv = Identity.localOperator(context: testContext)
        #expect(fromEnv.allowedActions == Set(Action.allCases))
    }
}

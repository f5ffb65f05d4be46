"""The kernel's own tables. Imported by `core.kernel` and listed in `CORE_MODELS`."""
from core.models.plant import Company, Plant, PlantAddon
from core.models.user import Role, RolePermission, User, UserPlant, UserRole
from core.models.audit import AuditLog
from core.models.sequence import Sequence
from core.models.addon import InstalledAddon, KnownPermission
from core.models.job import JobLock, JobRun
from core.models.import_job import ImportJob
from core.models.api_token import ApiToken
from core.models.notification import Notification
from core.models.login_failure import LoginFailure
from core.models.submission import Submission

CORE_MODELS = [Company, Plant, PlantAddon, User, Role, UserRole, RolePermission, UserPlant,
               AuditLog, Sequence, InstalledAddon, JobLock, JobRun, ImportJob, ApiToken,
               Notification, KnownPermission, LoginFailure, Submission]

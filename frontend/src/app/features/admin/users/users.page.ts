import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../../core/errors/api-error.component';
import { Notifier } from '../../../core/errors/notifier.service';
import { PAGE_SIZES } from '../../../core/http/page';
import { UserCreateDialog } from './user-create.dialog';
import { InstitutionRef, SubjectRef } from '../../../core/auth/auth.models';
import { AuthService } from '../../../core/auth/auth.service';
import { InstitutionsApi } from '../institutions/institutions.api';
import { Affiliation, UserRecord, UsersApi, affiliationOf } from './users.api';

/** Enough to name every institution and subject of a demo-sized platform (API maximum page). */
const LOOKUP_LIMIT = 200;

@Component({
  selector: 'app-users-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    TranslocoPipe,
    ApiErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users.page.html',
})
export class UsersPage implements OnInit {
  protected readonly affiliationTypeKey = (a: Affiliation) =>
    a.kind === 'institution' ? `institutionTypes.${a.type}` : `subjectTypes.${a.type}`;

  private readonly api = inject(UsersApi);
  private readonly institutionsApi = inject(InstitutionsApi);
  private readonly institutionsById = signal<ReadonlyMap<string, InstitutionRef>>(new Map());
  private readonly subjectsById = signal<ReadonlyMap<string, SubjectRef>>(new Map());
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly auth = inject(AuthService);

  protected readonly columns = ['user', 'roles', 'affiliation', 'status', 'createdAt', 'actions'];
  /** The signed-in admin (who cannot disable their own account). */
  protected readonly selfId = computed(() => this.auth.user()?.id ?? null);
  /** The user whose disabling waits for a second click. */
  protected readonly confirmingDisable = signal<string | null>(null);
  protected readonly changing = signal<string | null>(null);
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly items = signal<UserRecord[]>([]);
  protected readonly total = signal(0);
  protected readonly pageSize = signal(PAGE_SIZES[1]!);
  protected readonly pageIndex = signal(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly rows = computed(() => {
    const institutions = this.institutionsById();
    const subjects = this.subjectsById();
    return this.items().map((user) => ({
      user,
      affiliation: affiliationOf(user, institutions, subjects),
    }));
  });

  ngOnInit(): void {
    this.load();
    this.loadLookups();
  }

  /** Names for users listed by `institutionId` / `subjectId` only; best effort. */
  private loadLookups(): void {
    this.institutionsApi.list(LOOKUP_LIMIT, 0).subscribe({
      next: (page) => this.institutionsById.set(new Map(page.items.map((i) => [i.id, i]))),
      error: () => undefined,
    });
    this.api.subjects(LOOKUP_LIMIT, 0).subscribe({
      next: (page) => this.subjectsById.set(new Map(page.items.map((s) => [s.id, s]))),
      error: () => undefined,
    });
  }

  protected onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list(this.pageSize(), this.pageIndex() * this.pageSize()).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.total.set(page.total);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(err);
        this.loading.set(false);
      },
    });
  }

  /** First click asks for confirmation; the second disables (every session of that user ends). */
  protected disable(user: UserRecord): void {
    if (this.confirmingDisable() !== user.id) {
      this.confirmingDisable.set(user.id);
      return;
    }
    this.confirmingDisable.set(null);
    this.setDisabled(user, true);
  }

  protected enable(user: UserRecord): void {
    this.setDisabled(user, false);
  }

  private setDisabled(user: UserRecord, disabled: boolean): void {
    this.changing.set(user.id);
    this.api.setDisabled(user.id, disabled).subscribe({
      next: (changed) => {
        this.changing.set(null);
        this.items.update((items) => items.map((u) => (u.id === changed.id ? { ...u, ...changed } : u)));
        this.notifier.success(disabled ? 'users.disabledNotice' : 'users.enabledNotice', { name: changed.displayName });
      },
      error: (err: unknown) => {
        this.changing.set(null);
        this.notifier.error(err);
      },
    });
  }

  protected openCreate(): void {
    this.dialog
      .open<UserCreateDialog, void, UserRecord>(UserCreateDialog, { autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.notifier.success('users.created', { name: created.displayName });
        this.pageIndex.set(0);
        this.load();
      });
  }
}

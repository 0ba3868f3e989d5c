import { ChangeDetectionStrategy, Component } from '@angular/core';
import { StatusMessageComponent } from './status-message.component';

@Component({
  selector: 'app-forbidden-page',
  imports: [StatusMessageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-status-message
    icon="lock"
    titleKey="status.forbiddenTitle"
    messageKey="status.forbiddenMessage"
    testId="forbidden"
  />`,
})
export class ForbiddenPage {}
